package dev.arbiter.server.cli;

import dev.arbiter.server.Application;
import dev.arbiter.server.ConfigLoader;
import dev.arbiter.server.ServerConfig;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** {@code arbiter serve}: runs the server until SIGINT/SIGTERM, then drains requests and stops. */
@Command(name = "serve", description = "Start the HTTP server (settings from ARBITER_* variables or ARBITER_CONFIG).")
public final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = ConfigLoader.fromEnvironment();
        LOG.info("effective configuration:\n{}", ConfigLoader.describe(config));
        Application app = Application.create(config, Clock.systemUTC()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info(
                                    "shutting down: draining requests in flight (up to {}s)",
                                    config.shutdownTimeout().toSeconds());
                            app.close();
                            stopped.countDown();
                        },
                        "arbiter-shutdown"));
        String host = config.host().equals("0.0.0.0") ? "localhost" : config.host();
        System.out.println("Arbiter is listening on http://" + config.host() + ":" + app.port());
        System.out.println("Try: curl -s -X POST http://" + host + ":" + app.port()
                + "/api/v1/workflows -H 'Content-Type: application/json' -d '{\"workflow_name\": \"hello\"}'");
        System.out.flush();
        stopped.await();
        return 0;
    }
}
