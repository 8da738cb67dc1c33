package io.hookline.schemas.validation;

/**
 * How a reader of a contract treats fields the schema does not name (docs/event-contracts.md).
 */
public enum Strictness {

    /**
     * The schema files as written, {@code additionalProperties: false} included: what a producer checks before it
     * publishes, so nothing leaves the platform that the contract does not describe.
     */
    STRICT,

    /**
     * The same schemas with every {@code additionalProperties: false} dropped: what a consumer checks. Unknown
     * fields are accepted at every level; the fields the schema names keep their types, formats and
     * requiredness, so an additive change to a contract never breaks a deployed reader.
     */
    TOLERANT
}
