package org.socialworkshop.platform.security;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Security headers on the answers Netty gives by itself, before any filter of ours runs: a request line or headers
 * too long (414, 431) or malformed (400). Those answers have no body to protect, so the headers close everything
 * (no content, no framing, no referrer, no caching). Every answer that passed through the application already
 * carries the full set from {@link SecurityConfiguration}, recognised by its {@code X-Content-Type-Options}, and is
 * left as it is.
 */
@ChannelHandler.Sharable
final class ServerAnswerHeaders extends ChannelOutboundHandlerAdapter implements NettyServerCustomizer {

    private static final String NAME = "workshop.serverAnswerHeaders";

    private final boolean secureCookies;

    ServerAnswerHeaders(boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, NAME, this);
            }
        });
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof HttpResponse response && !response.headers().contains("X-Content-Type-Options")) {
            HttpHeaders headers = response.headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Cache-Control", "no-store");
            if (secureCookies) {
                headers.set("Strict-Transport-Security", SecurityConfiguration.HSTS);
            }
        }
        super.write(context, message, promise);
    }
}
