package bifrostdesk.app;

import bifrostdesk.connection.ReconnectTimer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** The reconnect timer on the FX clock: while the window is offline it looks for the server every few seconds. */
final class FxReconnectTimer implements ReconnectTimer {
    private final Duration every;
    private Timeline timeline;

    FxReconnectTimer(Duration every) {
        this.every = every;
    }

    @Override
    public void start(Runnable tick) {
        if (timeline != null && timeline.getStatus() == Animation.Status.RUNNING) {
            return;
        }
        timeline = new Timeline(new KeyFrame(every, e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) {
            timeline.stop();
        }
    }
}
