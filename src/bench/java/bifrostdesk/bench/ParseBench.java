package bifrostdesk.bench;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.api.Json;
import bifrostdesk.virtualkey.api.VirtualKeyJson;
import bifrostdesk.virtualkey.model.VirtualKey;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.annotations.Measurement;

/** Target 1: JSON → model costs at most 3× a bare Jackson tree parse of the same bytes. */
@State(Scope.Benchmark)
@Warmup(iterations = 5, time = 2)      // ~30 ms per call at 1,000 configs: 1 s iterations do not warm it up
@Measurement(iterations = 5, time = 2)
public class ParseBench extends BenchDefaults {
    @Param({"10", "100", "1000"})
    public int pcs;
    private byte[] bytes;

    @Setup
    public void setUp() {
        bytes = BenchData.routerBytes(pcs, Dialect.LATER);
    }

    /** Baseline: Jackson's own parse of the bytes into a JsonNode tree. */
    @Benchmark
    public JsonNode jacksonTree() throws IOException {
        return Json.mapper().readTree(bytes);
    }

    /** What the client does: the same parse, then {@link VirtualKeyJson#read}. */
    @Benchmark
    public VirtualKey toModel() throws IOException {
        return VirtualKeyJson.read(Json.mapper().readTree(bytes), Dialect.LATER);
    }
}
