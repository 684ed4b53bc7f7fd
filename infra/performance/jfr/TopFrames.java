import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JFR recording's CPU samples are: the methods most often on top of the stack ("self"), and the classes
 * most often anywhere on it ("inclusive"), optionally only those whose name contains one of the given words.
 * Run as a source file, no build needed:
 * <pre>
 * java infra/performance/jfr/TopFrames.java /tmp/app.jfr                       # top 25 of each
 * java infra/performance/jfr/TopFrames.java /tmp/app.jfr socialworkshop,security,ContextPropagation
 * </pre>
 */
public class TopFrames {

    public static void main(String[] args) throws Exception {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(frames.get(0).getMethod().getType().getName() + "." + frames.get(0).getMethod().getName(), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String type = frame.getMethod().getType().getName();
                if (seen.add(type)) {
                    inclusive.merge(type, 1, Integer::sum);
                }
            }
        }
        List<String> words = args.length > 1 ? Arrays.asList(args[1].split(",")) : List.of();
        System.out.println(samples + " CPU samples\n-- self (method on top of the stack)");
        print(self, samples, List.of());
        System.out.println("-- inclusive (class anywhere on the stack)" + (words.isEmpty() ? "" : ", matching " + words));
        print(inclusive, samples, words);
    }

    private static void print(Map<String, Integer> counts, int samples, List<String> words) {
        counts.entrySet().stream()
                .filter(entry -> words.isEmpty() || words.stream().anyMatch(entry.getKey()::contains))
                .sorted((a, b) -> b.getValue() - a.getValue())
                .limit(25)
                .forEach(entry -> System.out.printf("%5.1f%% %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
    }
}
