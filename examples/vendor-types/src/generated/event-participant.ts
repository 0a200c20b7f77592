/* Generated from schemas/event-participant.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * A participant of an event: attendance per session and assessment.
 */
export interface EventParticipant {
  /**
   * NIP (PNS), NI PPPK (PPPK) or internal id (TKK).
   */
  nip: string;
  name: string;
  kind?: "PNS" | "PPPK" | "TKK";
  /**
   * Ids of the sessions attended.
   */
  attendedSessions?: string[];
  /**
   * Result of the graduation assessment where the event has one ([P] art. 66(4)a); absent when it has none.
   */
  passedAssessment?: boolean;
}
