package io.hookline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LocalMailboxTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void catchesWhatIsSentOverSmtpAndShowsItOnThePageAndAsJson() throws Exception {
        try (LocalMailbox mailbox = LocalMailbox.start(0, 0)) {
            GreenMailUtil.sendTextEmail("ada@example.com", "orders@hookline.local", "Your order ord_1 is confirmed",
                    "Total:     $59.98 <b>", new ServerSetup(mailbox.smtpPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

            String page = get(mailbox.webUrl() + "/");
            String json = get(mailbox.webUrl() + "/api/messages");

            assertThat(mailbox.messages()).singleElement().satisfies(mail -> {
                assertThat(mail.to()).isEqualTo("ada@example.com");
                assertThat(mail.subject()).isEqualTo("Your order ord_1 is confirmed");
            });
            assertThat(page).contains("1 message(s)", "Your order ord_1 is confirmed", "ada@example.com",
                    "$59.98 &lt;b&gt;");
            assertThat(json).startsWith("[{").contains("\"to\":\"ada@example.com\"",
                    "\"subject\":\"Your order ord_1 is confirmed\"", "\"text\":\"Total:     $59.98 <b>");
        }
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
