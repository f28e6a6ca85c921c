package org.pagateway;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the gateway in the foreground until Ctrl-C. */
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Gateway gateway = Gateway.start(GatewaySettings.load(Map.of()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "gateway-shutdown"));
        stopped.await();
    }
}
