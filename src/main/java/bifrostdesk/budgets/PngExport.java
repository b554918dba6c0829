package bifrostdesk.budgets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes ARGB pixels as a PNG file with {@link ImageIO}. The view reads the pixels of a chart snapshot
 * ({@code WritableImage.getPixelReader()}); this class has no JavaFX so it can be tested headless.
 */
public final class PngExport {
    private PngExport() {
    }

    /** An image from {@code width × height} ARGB pixels, row by row. */
    public static BufferedImage toImage(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0 || argb.length < width * height) {
            throw new IllegalArgumentException("need " + width + "×" + height + " pixels, got " + argb.length);
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, argb[y * width + x]);
            }
        }
        return img;
    }

    /** A picture as {@code width × height} ARGB pixels, row by row (what a JavaFX snapshot's reader gives). */
    public record Pixels(int width, int height, int[] argb) {
    }

    public static void write(Pixels pixels, Path file) throws IOException {
        write(pixels.width(), pixels.height(), pixels.argb(), file);
    }

    public static void write(int width, int height, int[] argb, Path file) throws IOException {
        if (!ImageIO.write(toImage(width, height, argb), "png", file.toFile())) {
            throw new IOException("No PNG writer available");
        }
    }
}
