package io.hookline.support.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's documentation (README.md, every module's README.md, docs/*.md) points only at what a reader of
 * the repository has: every relative link and image names a file that exists, every {@code #anchor} a heading of
 * its target, every {@code docs/…} path named in the text exists, and no page cites the team's working notes,
 * which are not in the repository.
 */
class DocumentationLinksTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final List<String> NOT_IN_THE_REPOSITORY = List.of("DESIGN.md", "STYLE.md", "FIELD-NOTES");

    @Test
    void everyRelativeLinkNamesAFileThatExists() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String link : document(page).relativeLinks()) {
                String file = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(target)) {
                    broken.add(relative(page) + " → " + link);
                }
            }
        }
        assertThat(broken).as("links to files that do not exist").isEmpty();
    }

    @Test
    void everyAnchorNamesAHeadingOfItsTarget() {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String link : document(page).relativeLinks()) {
                int hash = link.indexOf('#');
                String file = hash < 0 ? "" : link.substring(0, hash);
                Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (hash >= 0 && target.toString().endsWith(".md") && Files.exists(target)
                        && !document(target).anchors().contains(link.substring(hash + 1))) {
                    broken.add(relative(page) + " → " + link);
                }
            }
        }
        assertThat(broken).as("anchors that no heading of the target has").isEmpty();
    }

    @Test
    void everyDocsPathNamedInTheTextExists() {
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            for (String path : document(page).docsPaths()) {
                if (!Files.exists(ROOT.resolve(path))) {
                    missing.add(relative(page) + " names " + path);
                }
            }
        }
        assertThat(missing).as("docs/ files named in the text that do not exist").isEmpty();
    }

    @Test
    void noPageCitesNotesThatAreNotInTheRepository() {
        List<String> citations = new ArrayList<>();
        for (Path page : pages()) {
            String text = read(page);
            NOT_IN_THE_REPOSITORY.stream().filter(text::contains).forEach(name -> citations.add(relative(page)
                    + " cites " + name));
        }
        assertThat(citations).isEmpty();
    }

    @Test
    void theDocsIndexLinksEveryFileInDocs() throws IOException {
        List<String> indexed = document(ROOT.resolve("docs/README.md")).relativeLinks();
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            assertThat(docs.map(path -> path.getFileName().toString()))
                    .as("files in docs/ that docs/README.md does not list").allMatch(indexed::contains);
        }
    }

    @Test
    void theChecksSeeEveryKindOfReference() {
        MarkdownDocument page = new MarkdownDocument("""
                # Outbound requests (SSRF)
                See [the walk-through](walkthrough.md#2-pay-it), ![a picture](console.png) and
                [Stripe](https://stripe.com); `docs/testing.md` has more. Not `[code](nowhere.md)`.
                ## `GET /event-types` (admin)
                ```
                [in a fence](nowhere.md)
                ## not a heading
                ```
                ## Outbound requests (SSRF)
                """);

        assertThat(page.relativeLinks()).containsExactly("walkthrough.md#2-pay-it", "console.png");
        assertThat(page.docsPaths()).containsExactly("docs/testing.md");
        assertThat(page.anchors()).containsExactly("outbound-requests-ssrf", "get-event-types-admin",
                "outbound-requests-ssrf-1");
    }

    @Test
    void theCheckedPagesIncludeTheReadmesAndEveryDocsPage() {
        assertThat(pages().stream().map(DocumentationLinksTests::relative)).contains("README.md", "docs/README.md",
                "docs/walkthrough.md", "docs/configuration.md", "orders-api/README.md",
                "webhook-dispatcher/README.md", "notification-receiver/README.md");
    }

    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"));
                DirectoryStream<Path> modules = Files.newDirectoryStream(ROOT, Files::isDirectory)) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
            for (Path module : modules) {
                Path readme = module.resolve("README.md");
                if (Files.exists(readme) && !module.getFileName().toString().equals("docs")) {
                    pages.add(readme);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static MarkdownDocument document(Path page) {
        return new MarkdownDocument(read(page));
    }

    private static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path path) {
        return ROOT.relativize(path).toString().replace('\\', '/');
    }
}
