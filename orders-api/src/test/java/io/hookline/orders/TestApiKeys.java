package io.hookline.orders;

/** The documented development keys of {@code application.yml}, for tests that call the API over HTTP. */
public final class TestApiKeys {

    /** The development client's key (scopes read, write). */
    public static final String CLIENT = "sk_test_hookline_dev_client_0a1b2c3d4e5f6a7b8c9d";

    /** The development admin key. */
    public static final String ADMIN = "sk_test_hookline_dev_admin_9f8e7d6c5b4a3f2e1d0c";

    /** The header value for the development client. */
    public static final String CLIENT_BEARER = "Bearer " + CLIENT;

    private TestApiKeys() {
    }
}
