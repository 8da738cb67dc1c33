package io.hookline.receiver.webhook;

import io.hookline.support.problem.CommonProblem;
import io.hookline.support.problem.ProblemException;

/** A correctly signed body that is not JSON at all: answered with 400 (malformed-json). */
public final class MalformedWebhookJsonException extends ProblemException {

    MalformedWebhookJsonException() {
        super(CommonProblem.MALFORMED_JSON, "The request body is not valid JSON.");
    }
}
