package dev.lifeline.client.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lifeline.client.theme.Theme;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** What a reader sees of a Markdown report: formatting applied, none of the Markdown signs left. */
@ExtendWith(ApplicationExtension.class)
class MarkdownViewTest {
    private static final String REPORT = """
            # Session report: Carol

            | | |
            |---|---|
            | Outcome | Resolved remotely |
            | Technician | Alice Meyer (ACME) |

            ## Notes

            Printer queue was **stuck**; restarted the *spooler* with `net stop spooler`.

            - first
              - nested
            - second <script>alert(1)</script>

            1. one
            2. two
            """;

    private MarkdownView view;

    @Start
    void start(Stage stage) {
        view = new MarkdownView();
        Scene scene = new Scene(view, 640, 600);
        Theme.apply(scene);
        stage.setScene(scene);
        stage.show();
    }

    private List<Text> texts() {
        return all(view.getContent()).stream().filter(Text.class::isInstance).map(Text.class::cast)
                .filter(t -> t.getStyleClass().contains("md-text")).toList();
    }

    private static List<Node> all(Node node) {
        List<Node> out = new java.util.ArrayList<>(List.of(node));
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                out.addAll(all(child));
            }
        }
        return out;
    }

    private Text text(String literal) {
        return texts().stream().filter(t -> t.getText().equals(literal)).findFirst()
                .orElseThrow(() -> new AssertionError("no text '" + literal + "' in " + texts().stream().map(Text::getText).toList()));
    }

    @Test
    void headingsEmphasisListsAndTablesAreFormattedWithoutTheirMarkdownSigns(FxRobot robot) {
        robot.interact(() -> view.markdownProperty().set(REPORT));
        WaitForAsyncUtils.waitForFxEvents();

        String shown = String.join("", texts().stream().map(Text::getText).toList());
        for (String sign : List.of("#", "**", "|---", "`")) {
            assertFalse(shown.contains(sign), "'" + sign + "' is not shown: " + shown);
        }
        Text title = text("Session report: Carol");
        Text body = text("Printer queue was ");
        assertTrue(title.getFont().getSize() > body.getFont().getSize() * 1.3, "the title is large");
        assertTrue(text("Notes").getFont().getSize() > body.getFont().getSize(), "a section heading is larger than text");
        assertTrue(isBold(text("stuck")), "bold");
        assertFalse(isBold(body));
        assertTrue(text("spooler").getFont().getStyle().toLowerCase().contains("italic")
                || FontPosture.findByName(text("spooler").getFont().getStyle()) == FontPosture.ITALIC, "italic");
        assertTrue(text("net stop spooler").getFont().getFamily().toLowerCase().contains("mono"), "code in a fixed font");

        List<Label> markers = all(view.getContent()).stream().filter(Label.class::isInstance).map(Label.class::cast).toList();
        assertEquals(List.of("•", "•", "•", "1.", "2."), markers.stream().map(Label::getText).toList(), "bullets, nested, numbers");
        Node nested = text("nested");
        Node first = text("first");
        assertTrue(nested.localToScene(0, 0).getX() > first.localToScene(0, 0).getX() + 10, "the nested item is indented");

        GridPane table = all(view.getContent()).stream().filter(GridPane.class::isInstance).map(GridPane.class::cast)
                .findFirst().orElseThrow();
        assertEquals(4, table.getChildren().size(), "two rows of two cells; the blank header row is left out");
        assertTrue(text("Resolved remotely").localToScene(0, 0).getX() > text("Outcome").localToScene(0, 0).getX() + 40,
                "values in their own column");

        assertTrue(shown.contains("<script>alert(1)</script>"), "raw HTML is shown as text, never interpreted");
    }

    @Test
    void aNewTextReplacesTheOld(FxRobot robot) {
        robot.interact(() -> view.markdownProperty().set(REPORT));
        robot.interact(() -> view.markdownProperty().set("No report was filed for this session."));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("No report was filed for this session."), texts().stream().map(Text::getText).toList());
    }

    private static boolean isBold(Text text) {
        String style = text.getFont().getStyle().toLowerCase();
        return style.contains("bold") || FontWeight.findByName(style) == FontWeight.BOLD;
    }
}
