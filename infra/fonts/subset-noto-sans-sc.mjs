// Subsets Noto Sans SC (TrueType outlines, from @expo-google-fonts/noto-sans-sc) to what a receipt can need:
// every character of GB2312 (6,763 Hanzi in levels 1 and 2, plus its punctuation, symbols, fullwidth forms,
// pinyin, Greek and Cyrillic), ASCII, Latin-1, general punctuation, currency signs, CJK punctuation and the
// halfwidth/fullwidth forms. Output: TrueType, written to backend/src/main/resources/fonts/.
//
//   cd infra/fonts && npm ci && npm run subset
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '../../backend/src/main/resources/fonts');
const source = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));

function range(first, last) {
  let text = '';
  for (let code = first; code <= last; code++) text += String.fromCodePoint(code);
  return text;
}

// GB2312 is EUC-CN: both bytes in A1..FE, rows A1..A9 symbols, B0..F7 Hanzi. The decoder is GBK's superset,
// so only that byte range is asked for; unassigned codes decode to U+FFFD and are skipped.
function gb2312() {
  const decoder = new TextDecoder('gb2312');
  let text = '';
  for (let high = 0xa1; high <= 0xf7; high++) {
    for (let low = 0xa1; low <= 0xfe; low++) {
      const character = decoder.decode(Uint8Array.of(high, low));
      if (character !== '\uFFFD') text += character;
    }
  }
  return text;
}

const characters = gb2312() + range(0x20, 0x7e) + range(0xa0, 0xff) + range(0x2000, 0x206f)
  + range(0x20a0, 0x20c0) + range(0x3000, 0x303f) + range(0xff01, 0xff5e) + range(0xffe0, 0xffe6);

for (const [weight, name] of [['400Regular', 'NotoSansSC-Regular'], ['700Bold', 'NotoSansSC-Bold']]) {
  const font = await readFile(join(source, weight, `NotoSansSC_${weight}.ttf`));
  const subset = await subsetFont(font, characters, { targetFormat: 'truetype' });
  await writeFile(join(target, `${name}.ttf`), subset);
  console.log(`${name}.ttf: ${font.length} -> ${subset.length} bytes, ${new Set(characters).size} characters asked for`);
}
await copyFile(join(source, 'LICENSE_FONT'), join(target, 'OFL.txt'));
