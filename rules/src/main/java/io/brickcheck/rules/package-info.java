/**
 * The rule engine's vocabulary: a problem's {@link io.brickcheck.rules.Code} and {@link
 * io.brickcheck.rules.Severity}, the {@link io.brickcheck.rules.Problem} itself, and the facts the
 * rules state about hosts and http paths. Every message and code is catalogued in docs/rules.md and
 * docs/catalogue.md.
 */
package io.brickcheck.rules;
