package bifrostdesk.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    private static final Instant LAST = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant NEXT = Instant.parse("2024-03-31T00:00:00Z");

    static BudgetRow row(String key, String provider, BudgetKind kind, double limit, double usage, String path) {
        return new BudgetRow("c1", "Acme, Inc.", "t1", "Platform", "vk-1", key, true, provider == null ? null : 7L,
                provider, kind, limit, usage, "1M", false, LAST, LAST, NEXT, Duration.ofDays(2), false, path,
                BudgetAggregation.chain("Acme, Inc.", "Platform", key, provider));
    }

    @Test
    void csvHasAHeaderAndOneQuotedLinePerRow() {
        String csv = CsvExport.toCsv(List.of(
                row("checkout", "openai", BudgetKind.PROVIDER_CONFIG_BUDGET, 500, 120.5, "provider_configs/0/budgets/0"),
                row("=cmd|' /C calc'!A0", null, BudgetKind.VK_REQUEST_LIMIT, 60, 30, "rate_limit")));
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", CsvExport.HEADER));
        assertThat(lines[1]).isEqualTo("\"Acme, Inc.\",Platform,checkout,vk-1,true,openai,Provider config budget,usd,"
                + "500,120.5,379.5,24.1,1M,false,2024-03-01T00:00:00Z,2024-03-31T00:00:00Z,172800,"
                + "provider_configs/0/budgets/0");
        // A name a spreadsheet would run as a formula is defused.
        assertThat(lines[2]).startsWith("\"Acme, Inc.\",Platform,'=cmd|' /C calc'!A0,vk-1,true,,"
                + "Key request rate limit,requests,60,30,30,50.0,1M,");
        assertThat(CsvExport.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvExport.quote("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    @Test
    void csvWritesUtf8ToAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.csv");
        CsvExport.write(List.of(row("clé", null, BudgetKind.VK_BUDGET, 10, 1, "budgets/0")), f);
        assertThat(Files.readString(f, StandardCharsets.UTF_8)).contains("clé").endsWith("budgets/0\r\n");
    }

    @Test
    void pngIsReadableWithTheRightSizeAndPixels(@TempDir Path dir) throws Exception {
        int w = 3;
        int h = 2;
        int[] px = {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF, 0x80000000, 0xFF123456};
        Path f = dir.resolve("chart.png");
        PngExport.write(w, h, px, f);
        byte[] magic = Files.readAllBytes(f);
        assertThat(magic).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage img = ImageIO.read(f.toFile());
        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        assertThat(img.getRGB(0, 0)).isEqualTo(0xFFFF0000);
        assertThat(img.getRGB(2, 1)).isEqualTo(0xFF123456);
        assertThat(img.getRGB(1, 1)).isEqualTo(0x80000000);
        assertThatThrownBy(() -> PngExport.toImage(2, 2, new int[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowFilterMatchesOwnerTextCaseInsensitively() {
        BudgetRow r = row("checkout", "openai", BudgetKind.PROVIDER_CONFIG_BUDGET, 500, 450, "p");
        assertThat(new RowFilter(false, false, false, null, null, null, "ACME")).accepts(r);
        assertThat(new RowFilter(false, false, false, null, null, null, "globex")).rejects(r);
        assertThat(new RowFilter(true, false, false, "t1", "c1", "openai", "check")).accepts(r);
        assertThat(new RowFilter(false, true, false, null, null, null, null)).rejects(r);
        assertThat(new RowFilter(false, false, true, null, null, null, null)).rejects(r);
        assertThat(new RowFilter(false, false, false, null, null, "azure", null)).rejects(r);
    }
}
