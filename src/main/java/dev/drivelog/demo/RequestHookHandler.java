package dev.drivelog.demo;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;

/** Calls an {@link S3RequestHook} before handing each request on; a throwing hook fails the request. */
final class RequestHookHandler extends HandlerWrapper {
    private final S3RequestHook hook;

    RequestHookHandler(S3RequestHook hook) {
        this.hook = hook;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String path = URI.create("http://local" + request.getRequestURI()).getPath();
        hook.before(request.getMethod(), path, request.getQueryString());
        super.handle(target, baseRequest, request, response);
    }
}
