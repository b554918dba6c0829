package bifrostdesk.bench;

import bifrostdesk.virtualkey.model.Dialect;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Target 7: retained heap of the LARGE seed's key list (10,000 generated keys + the 1,000-config router + the
 * small seed's keys) as {@code listAllVirtualKeys} returns it, ≤ 300 MB. Heap used after full GCs, before and
 * after; the sandbox store and JSON used to produce the list are garbage by then.
 */
public final class HeapHarness {
    private HeapHarness() {
    }

    public static void main(String[] args) {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        // warm the classes involved so that class metadata/statics are not counted as list data
        BenchData.largeSeedList(Dialect.LATER);
        long before = settledHeap(mem);
        List<VirtualKey> keys = BenchData.largeSeedList(Dialect.LATER);
        long after = settledHeap(mem);
        double mb = (after - before) / (1024.0 * 1024.0);
        System.out.printf(Locale.ROOT, "heap-retained-mb=%.1f keys=%d target<=300 met=%s%n", mb, keys.size(),
                mb <= 300 ? "yes" : "no");
        if (keys.isEmpty()) {
            System.out.println("unreachable");
        }
    }

    private static long settledHeap(MemoryMXBean mem) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, mem.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
