/**
 * The upload pipeline: an upload passes through the stages of {@link dev.rca.pipeline.entity.Stage} in order, each
 * stage recording exactly one outcome. Sub-packages hold one stage each.
 */
package dev.rca.pipeline;
