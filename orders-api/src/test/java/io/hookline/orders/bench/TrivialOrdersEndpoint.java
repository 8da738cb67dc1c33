package io.hookline.orders.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The ceiling the orders-api benchmark is quoted against: the same embedded Tomcat as orders-api, in the load
 * generator's JVM, answering {@code POST /orders} with 201 and a made-up order and {@code POST /orders/{id}/payment}
 * with 200, after reading the body; no Spring, no database, no Kafka. What the load generator and the HTTP
 * stack alone reach on this machine.
 */
final class TrivialOrdersEndpoint implements AutoCloseable {

    private final Tomcat tomcat = new Tomcat();
    private final int port;

    private TrivialOrdersEndpoint(Path work) throws LifecycleException {
        tomcat.setBaseDir(work.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", work.toString());
        Tomcat.addServlet(context, "orders", new OrdersServlet());
        context.addServletMappingDecoded("/*", "orders");
        tomcat.start();
        this.port = connector.getLocalPort();
    }

    static TrivialOrdersEndpoint start(Path work) throws LifecycleException {
        return new TrivialOrdersEndpoint(work);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    private static final class OrdersServlet extends HttpServlet {

        @Override
        protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
            request.getInputStream().readAllBytes();
            boolean payment = request.getRequestURI().endsWith("/payment");
            String id = "ord_" + UUID.randomUUID().toString().replace("-", "");
            byte[] body = ("{\"id\":\"" + id + "\",\"status\":\"" + (payment ? "paid" : "pending_payment") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            response.setStatus(payment ? 200 : 201);
            response.setContentType("application/json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
