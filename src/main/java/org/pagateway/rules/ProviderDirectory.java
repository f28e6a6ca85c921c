package org.pagateway.rules;

import java.util.Optional;

import org.pagateway.model.Provider;

/** The payer's providers by NPI. File-backed by default; a payer plugs in its provider master here. */
public interface ProviderDirectory {

    Optional<Provider> find(String npi);
}
