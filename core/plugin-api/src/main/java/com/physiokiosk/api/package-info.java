/**
 * The Physio Kiosk plugin API: what a topic plugin implements and the data it describes.
 *
 * <p>A plugin contributes one {@link com.physiokiosk.api.Topic} extension. The topic is pure
 * data: its {@link com.physiokiosk.api.TopicInfo}, its {@link com.physiokiosk.api.Question}s
 * (shaped after HL7 FHIR {@code Questionnaire.item}) and its {@link com.physiokiosk.api.Rule}s.
 * The host renders the questions, stores the answers and evaluates the conditions and rules (the
 * types that hold answers and findings are the host's, not in this API); a plugin never sees HTTP,
 * JDBC or the host's internals. Every text is a message key that the host resolves
 * from the plugin's own {@code messages_<language>.properties} bundles (UTF-8, at the root of
 * the plugin jar).
 *
 * <p>Versioned as a published contract: plugins declare the API range they need in their
 * {@code Plugin-Requires} descriptor entry.
 *
 * @since 1.0
 */
package com.physiokiosk.api;
