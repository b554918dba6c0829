package bifrostdesk.virtualkey.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import bifrostdesk.connection.ServerEndpoint;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class BifrostClientPagingAndCancelTest {
    @StartStop
    private final MockWebServer server = new MockWebServer();

    private BifrostClient client() {
        return new BifrostClient(ServerEndpoint.of(server.url("/").toString()));
    }

    private void page(int from, int count, int total) {
        StringBuilder items = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            items.append(i == from ? "" : ",").append("{\"id\":\"vk-").append(i).append("\",\"name\":\"k")
                    .append(i).append("\"}");
        }
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"virtual_keys\":[" + items + "],\"count\":" + count + ",\"total_count\":" + total
                        + ",\"limit\":100,\"offset\":" + from + "}").build());
    }

    private MockResponse slow() {
        return new MockResponse.Builder().headersDelay(5, TimeUnit.SECONDS).body("{}").build();
    }

    @Test
    void listAllPagesThroughEverythingWithProgress() throws Exception {
        page(0, 100, 250);
        page(100, 100, 250);
        page(200, 50, 250);
        List<String> progress = new ArrayList<>();

        List<VirtualKey> all = client().listAllVirtualKeys(VkQuery.firstPage().withSearch("k"),
                (done, total) -> progress.add(done + "/" + total));

        assertThat(all).hasSize(250);
        assertThat(all.get(249).id()).isEqualTo("vk-249");
        assertThat(progress).containsExactly("100/250", "200/250", "250/250");
        for (int offset : new int[] {0, 100, 200}) {
            RecordedRequest r = server.takeRequest();
            assertThat(r.getUrl().queryParameter("limit")).isEqualTo("100");
            assertThat(r.getUrl().queryParameter("offset")).isEqualTo(Integer.toString(offset));
            assertThat(r.getUrl().queryParameter("search")).isEqualTo("k");
        }
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void listAllStopsOnAShortPageEvenIfTheTotalSaysMore() throws Exception {
        page(0, 100, 300);
        page(100, 20, 300);
        assertThat(client().listAllVirtualKeys(VkQuery.firstPage(), ProgressListener.NONE)).hasSize(120);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void listAllStopsWhenTheListenerCancels() {
        page(0, 100, 250);
        page(100, 100, 250);
        ProgressListener cancelAfterFirst = new ProgressListener() {
            int pages;

            @Override
            public void progress(int done, int total) {
                pages++;
            }

            @Override
            public boolean isCancelled() {
                return pages >= 1;
            }
        };
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> client().listAllVirtualKeys(VkQuery.firstPage(), cancelAfterFirst));
        assertThat(e.kind()).isEqualTo(ApiException.Kind.CANCELLED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void tokenCancelsTheCallInFlight() throws Exception {
        server.enqueue(slow());
        CancelToken token = new CancelToken();
        BifrostClient view = client().using(token);
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> attempt(view));
        server.takeRequest(2, TimeUnit.SECONDS);
        long start = System.nanoTime();
        token.cancel();
        assertThat(call.get(2, TimeUnit.SECONDS)).isEqualTo(ApiException.Kind.CANCELLED);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(attempt(view)).as("later calls of a cancelled view fail at once").isEqualTo(ApiException.Kind.CANCELLED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancelAllCancelsEveryView() throws Exception {
        server.enqueue(slow());
        BifrostClient c = client();
        BifrostClient view = c.using(new CancelToken());
        CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> attempt(view));
        server.takeRequest(2, TimeUnit.SECONDS);
        c.cancelAll();
        assertThat(call.get(2, TimeUnit.SECONDS)).isEqualTo(ApiException.Kind.CANCELLED);
    }

    @Test
    void interruptedThreadDoesNotStartACall() {
        Thread.currentThread().interrupt();
        try {
            assertThat(attempt(client())).isEqualTo(ApiException.Kind.CANCELLED);
        } finally {
            Thread.interrupted();
        }
        assertThat(server.getRequestCount()).isZero();
    }

    private static Object attempt(BifrostClient c) {
        try {
            return c.health();
        } catch (ApiException e) {
            return e.kind();
        }
    }
}
