package dev.oauthkit.hubspot.sandbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlagsTest {

  private static Flags parse(String... args) {
    return Flags.parse(List.of(args), Map.of());
  }

  @Test
  void whenAFlagIsUnknownThenTheLineNamesItSuggestsTheNearestAndListsEveryFlag() {
    assertThatThrownBy(() -> parse("--prot=1"))
        .hasMessageStartingWith("--prot is not a flag (did you mean --port?); the flags are")
        .hasMessageContaining("--bind, --data-dir, --admin-key")
        .hasMessageEndingWith("--disable-v1, --allowed-hosts, --help")
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> parse("--admin-kee=x"))
        .hasMessageStartingWith("--admin-kee is not a flag (did you mean --admin-key?)");
    assertThatThrownBy(() -> parse("--server.port=1"))
        .hasMessageStartingWith("--server.port is not a flag; the flags are");
  }

  @Test
  void whenAValueFlagHasNoEqualsSignThenTheLineShowsHowToWriteIt() {
    assertThatThrownBy(() -> parse("--port", "8084"))
        .hasMessage("--port needs a value after '=', e.g. --port=8080 (not a space)");
  }

  @Test
  void whenAFlagHasOneDashThenTheLineShowsItWithTwo() {
    assertThatThrownBy(() -> parse("-port=8084"))
        .hasMessage("-port has one dash; flags start with two, e.g. --port");
  }

  @Test
  void whenAnArgumentIsABareWordThenItIsRefused() {
    assertThatThrownBy(() -> parse("8084"))
        .hasMessage("'8084' is not a flag; give values with '=', e.g. --port=8080");
  }

  @Test
  void whenAValueIsBadThenTheLineNamesTheFlagAndTheValidChoices() {
    assertThatThrownBy(() -> parse("--port=abc"))
        .hasMessage("--port=abc: must be a port number from 0 to 65535");
    assertThatThrownBy(() -> parse("--port=65536")).hasMessageStartingWith("--port=65536: must be");
    assertThatThrownBy(() -> parse("--store=redis"))
        .hasMessage("--store=redis: must be sqlite, memory or postgres");
    assertThatThrownBy(() -> parse("--access-token-ttl=soon"))
        .hasMessage("--access-token-ttl=soon: must be whole seconds (1800) or ISO-8601 (PT30M)");
    assertThatThrownBy(() -> parse("--rotate-refresh-tokens=yes"))
        .hasMessage("--rotate-refresh-tokens=yes: must be true or false, or no value for true");
    assertThatThrownBy(() -> Flags.parse(List.of(), Map.of("SANDBOX_PORT", "http")))
        .hasMessage("SANDBOX_PORT=http: must be a port number from 0 to 65535");
  }

  @Test
  void whenATextValueIsBlankThenTheLineNamesTheFlagButShowsNoValue() {
    assertThatThrownBy(() -> parse("--admin-key= "))
        .hasMessage("--admin-key: must be a value that is not blank");
  }

  @Test
  void whenAFlagIsGivenTwiceThenItIsRefused() {
    assertThatThrownBy(() -> parse("--port=1", "--port=2")).hasMessage("--port is given twice");
  }

  @Test
  void whenHelpIsAskedForThenNothingElseIsParsed() {
    assertThat(parse("--prot=1", "--help").help()).isTrue();
    assertThat(parse("-h").help()).isTrue();
    assertThat(parse("--port=1").help()).isFalse();
  }

  @Test
  void whenFlagAndTwinAreBothSetThenTheFlagWinsAndItsOriginIsKept() {
    Flags flags =
        Flags.parse(
            List.of("--store=memory"),
            Map.of("SANDBOX_STORE", "sqlite", "SANDBOX_ADMIN_KEY", "k", "SANDBOX_BIND", " "));

    assertThat(flags.value(Flag.STORE)).contains("memory");
    assertThat(flags.origin(Flag.STORE)).isEqualTo("--store");
    assertThat(flags.value(Flag.ADMIN_KEY)).contains("k");
    assertThat(flags.origin(Flag.ADMIN_KEY)).isEqualTo("SANDBOX_ADMIN_KEY");
    assertThat(flags.value(Flag.BIND)).isEmpty();
    assertThat(flags.origin(Flag.BIND)).isEqualTo("default");
    assertThat(flags.givenOrigins()).containsExactly("SANDBOX_ADMIN_KEY", "--store");
  }

  @Test
  void whenASwitchHasNoValueThenItIsOn() {
    assertThat(parse("--disable-v1").value(Flag.DISABLE_V1)).contains("true");
    assertThat(parse("--disable-v1=false").value(Flag.DISABLE_V1)).contains("false");
  }

  @Test
  void whenPrintedThenNoValueIsShown() {
    Flags flags = parse("--admin-key=s3cret", "--db-password=pw");

    assertThat(flags.toString()).contains("--admin-key").doesNotContain("s3cret", "pw");
  }
}
