package bifrostdesk.virtualkey.list;

import static org.assertj.core.api.Assertions.assertThat;

import bifrostdesk.virtualkey.model.ProviderConfig;
import bifrostdesk.virtualkey.model.V2Fields;
import bifrostdesk.virtualkey.model.VirtualKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list row's second line says truthfully which providers a key reaches. */
class KeySubtitleTest {
    @Test
    void aKeyAllowingAllProvidersIsNotShownWithZeroProviders() {
        VirtualKey all = VirtualKey.newKey("k").withV2(V2Fields.NONE.withAllowAllProviders(true));
        assertThat(VirtualKeyListViewModel.subtitle(all)).isEqualTo("active · all providers");
        assertThat(VirtualKeyListViewModel.subtitle(all.withProviderConfigs(List.of(ProviderConfig.newConfig("openai")))))
                .isEqualTo("active · all providers (1 configured)");
    }

    @Test
    void otherKeysCountTheirProviders() {
        VirtualKey k = VirtualKey.newKey("k").withActive(false)
                .withProviderConfigs(List.of(ProviderConfig.newConfig("openai")));
        assertThat(VirtualKeyListViewModel.subtitle(k)).isEqualTo("inactive · 1 provider");
        assertThat(VirtualKeyListViewModel.subtitle(VirtualKey.newKey("k"))).isEqualTo("active · 0 providers");
    }
}
