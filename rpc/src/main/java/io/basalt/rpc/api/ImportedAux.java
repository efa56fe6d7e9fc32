/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Extra facts about a block import (sc-consensus's {@code ImportedAux}), in its snake_case JSON.
 *
 * @param headerOnly only the header was imported
 * @param clearJustificationRequests justification requests should be cleared
 * @param needsJustification the block needs a justification
 * @param badJustification the justification given was bad
 * @param isNewBest the block became the best block
 */
public record ImportedAux(
    @JsonProperty("header_only") boolean headerOnly,
    @JsonProperty("clear_justification_requests") boolean clearJustificationRequests,
    @JsonProperty("needs_justification") boolean needsJustification,
    @JsonProperty("bad_justification") boolean badJustification,
    @JsonProperty("is_new_best") boolean isNewBest) {}
