package dev.oauthkit.hubspot.contract.report;

import dev.oauthkit.hubspot.contract.server.CaseResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a contract report as one JUnit XML test suite, one test case per request, each with the
 * seconds its request took ({@code time}); the suite's {@code time} is their sum.
 */
public final class JUnitXml {

  private JUnitXml() {}

  /** Writes {@code TEST-hubspot-oauth-server-contract.xml} into the directory. */
  public static Path write(ContractReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path file = directory.resolve("TEST-hubspot-oauth-server-contract.xml");
    Files.writeString(file, render(report), StandardCharsets.UTF_8);
    return file;
  }

  static String render(ContractReport report) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<testsuite name=\"hubspot-oauth-server-contract\" tests=\"")
        .append(report.results().size())
        .append("\" failures=\"")
        .append(report.failures().size())
        .append("\" errors=\"0\" skipped=\"0\" time=\"")
        .append(seconds(report.results().stream().mapToDouble(CaseResult::seconds).sum()))
        .append("\">\n");
    xml.append("  <properties>\n")
        .append(property("baseUrl", report.baseUrl()))
        .append(property("seed", Long.toString(report.seed())))
        .append(property("flows", Boolean.toString(report.flowsRan())))
        .append("  </properties>\n");
    for (CaseResult result : report.results()) {
      xml.append("  <testcase classname=\"server-contract.")
          .append(escape(result.group()))
          .append('.')
          .append(escape(result.operationId()))
          .append("\" name=\"")
          .append(escape(result.name()))
          .append("\" time=\"")
          .append(seconds(result.seconds()))
          .append('"');
      if (result.passed()) {
        xml.append("/>\n");
      } else {
        xml.append(">\n    <failure message=\"")
            .append(escape(result.problems().get(0)))
            .append("\">")
            .append(escape(String.join("\n", result.problems())))
            .append(result.smallestFailing() == null ? "" : escape("\n" + result.smallestFailing()))
            .append("</failure>\n  </testcase>\n");
      }
    }
    return xml.append("</testsuite>\n").toString();
  }

  private static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.3f", seconds);
  }

  private static String property(String name, String value) {
    return "    <property name=\"" + escape(name) + "\" value=\"" + escape(value) + "\"/>\n";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' || c == 0xFFFE || c == 0xFFFF) {
            out.append("\\u").append(String.format("%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
