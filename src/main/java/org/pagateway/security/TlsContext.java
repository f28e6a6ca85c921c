package org.pagateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;

/** The server side of HTTPS: the keystore of gateway.http.tls.*, as camel-jetty's sslContextParameters take it. */
public final class TlsContext {

    private TlsContext() {
    }

    public static SSLContextParameters parameters(SecuritySettings settings) {
        if (!Files.isRegularFile(settings.tlsKeystore())) {
            throw new IllegalStateException("gateway.http.tls.keystore names " + settings.tlsKeystore() + ", which is not a file");
        }
        // opened once here, so a wrong type or password stops the start with its reason, before anything runs
        try (InputStream in = Files.newInputStream(settings.tlsKeystore())) {
            KeyStore.getInstance(settings.tlsType()).load(in, settings.tlsPassword() == null ? null : settings.tlsPassword().toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("gateway.http.tls.keystore " + settings.tlsKeystore() + " cannot be opened as "
                    + settings.tlsType() + " with the password given: " + e.getMessage(), e);
        }
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + settings.tlsKeystore());
        store.setType(settings.tlsType());
        store.setPassword(settings.tlsPassword());
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(store);
        // one password for the keystore and its key, as keytool -genkeypair makes a PKCS12 store
        keys.setKeyPassword(settings.tlsPassword());
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setKeyManagers(keys);
        return parameters;
    }
}
