package dev.oauthkit.hubspot.sandbox.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM ({@code bom/pom.xml}) manages exactly the reactor's published modules: every module of
 * the root pom (profiles included) that does not set {@code maven.deploy.skip}, the BOM itself
 * aside, at the reactor's version. Here because this module builds after every other published one
 * and reads the sources, not the installed poms.
 */
class BomTest {

  private static final Path ROOT = Path.of("..");

  @Test
  void whenTheBomIsComparedWithTheReactorThenItListsEveryPublishedModule() throws Exception {
    Document root = parse(ROOT.resolve("pom.xml"));
    Document bom = parse(ROOT.resolve("bom/pom.xml"));
    List<String> published = new ArrayList<>();
    for (Element module : elements(root.getDocumentElement(), "module")) {
      Element pom =
          parse(ROOT.resolve(module.getTextContent().trim()).resolve("pom.xml"))
              .getDocumentElement();
      String deploySkip = text(child(pom, "properties"), "maven.deploy.skip");
      if (!"true".equals(deploySkip)) {
        published.add(text(pom, "artifactId"));
      }
    }
    published.remove(text(bom.getDocumentElement(), "artifactId"));
    List<Element> managed = elements(bom.getDocumentElement(), "dependency");

    assertThat(published).contains("hubspot-oauth-sandbox-junit", "hubspot-oauth-client-core");
    assertThat(managed.stream().map(d -> text(d, "artifactId")).collect(Collectors.toList()))
        .containsExactlyInAnyOrderElementsOf(published);
    assertThat(managed)
        .allSatisfy(
            d -> {
              assertThat(text(d, "groupId")).isEqualTo("dev.oauthkit");
              assertThat(text(d, "version")).isEqualTo("${project.version}");
            });
    assertThat(text(bom.getDocumentElement(), "version"))
        .isEqualTo(text(root.getDocumentElement(), "version"));
  }

  private static Document parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(pom.toFile());
  }

  /** Every element of this name below {@code parent}, at any depth. */
  private static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  /** The direct child of this name, or null. */
  private static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  /** The trimmed text of the direct child of this name, or null. */
  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? null : child.getTextContent().trim();
  }
}
