package bifrostdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.sandbox.Http.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code /api/mcp/virtual-mcps} (REFERENCE-v2 §11.7.1) and how assignments show on a VK. */
class V2VirtualMcpTest extends V2TestBase {
    static final String VMCPS = "/api/mcp/virtual-mcps";

    @Test
    void listAndGet() {
        JsonNode list = http.get(VMCPS).json();
        assertThat(list.get("count").asInt()).isEqualTo(2);
        assertThat(list.get("total_count").asInt()).isEqualTo(2);
        assertThat(list.get("virtual_mcps").findValuesAsText("name")).containsExactly("engineering-tools",
                "read-only-files");
        assertThat(http.get(VMCPS + "?search=read").json().get("count").asInt()).isEqualTo(1);
        assertThat(http.get(VMCPS + "?limit=1&offset=1").json().get("virtual_mcps").get(0).get("id").asLong())
                .isEqualTo(2);
        JsonNode one = http.get(VMCPS + "/1").json().get("virtual_mcp");
        assertThat(one.get("endpoint_slug").asText()).isEqualTo("engineering-tools");
        assertThat(one.get("enabled").asBoolean()).isTrue();
        assertThat(one.get("tools").get(0).get("mcp_client_id").asText()).isEqualTo("github");
        assertThat(one.get("tools").get(1).get("tool_names").get(0).asText()).isEqualTo("*");
        assertThat(one.get("virtual_key_ids").get(0).asText()).isEqualTo(id(SeedDataV2.DOCS_AGENT));
        Resp bad = http.get(VMCPS + "/abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.message()).isEqualTo("invalid virtual MCP id");
        Resp missing = http.get(VMCPS + "/99");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.message()).isEqualTo("virtual MCP not found");
    }

    @Test
    void createIs201AndValidates() {
        Resp r = http.post(VMCPS, Http.j("{'name':'triage','endpoint_slug':'triage','tools':[{'mcp_client_id':1,"
                + "'tool_names':['list_issues']}]}"));
        assertThat(r.status()).isEqualTo(201);
        JsonNode m = r.json().get("virtual_mcp");
        assertThat(m.get("id").asLong()).isEqualTo(3);
        assertThat(m.get("tools").get(0).get("mcp_client_id").asLong()).isEqualTo(1);
        assertThat(m.get("virtual_key_ids")).isEmpty();
        assertThat(m.get("enabled").asBoolean()).isTrue();
        Resp dup = http.post(VMCPS, Http.j("{'name':'other','endpoint_slug':'triage'}"));
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.message()).isEqualTo("a virtual MCP with this name or endpoint already exists");
        assertThat(http.post(VMCPS, Http.j("{'name':'  '}")).message()).isEqualTo("name is required");
        assertThat(http.post(VMCPS, "{x").message()).isEqualTo("invalid request body");
        Resp unknown = http.post(VMCPS, Http.j("{'name':'x','tools':[{'mcp_client_id':'slack','tool_names':['*']}]}"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.message()).isEqualTo("invalid MCP client IDs: slack");
    }

    @Test
    void updateIsPartialAndSlugImmutable() {
        Resp r = http.put(VMCPS + "/2", Http.j("{'name':'','endpoint_slug':'moved','enabled':false}"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode m = r.json().get("virtual_mcp");
        assertThat(m.get("name").asText()).isEqualTo("read-only-files");
        assertThat(m.get("endpoint_slug").asText()).isEqualTo("read-only-files");
        assertThat(m.get("enabled").asBoolean()).isFalse();
        assertThat(m.get("tools")).hasSize(1);
        assertThat(m.get("description").asText()).isNotEmpty();
        Resp tools = http.put(VMCPS + "/2", Http.j("{'tools':[]}"));
        assertThat(tools.json().get("virtual_mcp").get("tools")).isEmpty();
        assertThat(http.put(VMCPS + "/2", Http.j("{'name':'engineering-tools'}")).status()).isEqualTo(409);
        assertThat(http.put(VMCPS + "/42", Http.j("{'name':'z'}")).status()).isEqualTo(404);
    }

    @Test
    void attachDetachAndTheVkGet() {
        String checkout = id("checkout-service");
        Resp a = http.post(VMCPS + "/2/virtual-keys/" + checkout, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("success").asBoolean()).isTrue();
        assertThat(getBody("checkout-service").get("virtual_mcp_ids").toString()).isEqualTo("[2]");
        // the VK PUT neither reads nor changes assignments
        assertThat(put("checkout-service", "{'virtual_mcp_ids':[]}").status()).isEqualTo(200);
        assertThat(getBody("checkout-service").get("virtual_mcp_ids")).hasSize(1);
        assertThat(http.delete(VMCPS + "/2/virtual-keys/" + checkout).status()).isEqualTo(200);
        assertThat(getBody("checkout-service").get("virtual_mcp_ids")).isEmpty();
        assertThat(http.delete(VMCPS + "/2/virtual-keys/not-a-key").status()).isEqualTo(200); // VK not looked up
        assertThat(http.post(VMCPS + "/2/virtual-keys/not-a-key", null).message()).isEqualTo("virtual key not found");
        assertThat(http.post(VMCPS + "/9/virtual-keys/" + checkout, null).message()).isEqualTo("virtual MCP not found");
        assertThat(http.post(VMCPS + "/2/virtual-keys/%20", null).message()).isEqualTo("virtual key id is required");
    }

    @Test
    void accessProfileKeysCannotBeAttached() {
        Resp r = http.post(VMCPS + "/1/virtual-keys/" + id(SeedDataV2.SALES_ASSISTANT), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.message()).isEqualTo("this virtual key is managed by an access profile; assign the Virtual MCP"
                + " through that access profile instead");
    }

    @Test
    void deletingAVkOrAVirtualMcpUnlinksThem() {
        String docs = id(SeedDataV2.DOCS_AGENT);
        assertThat(http.delete(VMCPS + "/1").json().get("success").asBoolean()).isTrue();
        assertThat(getBody(SeedDataV2.DOCS_AGENT).get("virtual_mcp_ids").toString()).isEqualTo("[2]");
        assertThat(http.delete(VKS + "/" + docs).status()).isEqualTo(200);
        assertThat(http.get(VMCPS + "/2").json().get("virtual_mcp").get("virtual_key_ids")).isEmpty();
    }
}
