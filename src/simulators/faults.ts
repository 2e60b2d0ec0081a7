// Fault settings shared by both simulators (DESIGN §5.3). Each simulator interprets them for its
// own protocol: a "server fault" is a SOAP Fault on Infosoft and a 500 on Windward.

export type ScriptedFaultKind =
  | 'http500'
  | 'html502' // 502 with an HTML error page, as a reverse proxy would answer
  | 'http503'
  | 'timeout' // accept the request and never answer
  | 'reset' // destroy the socket without an answer
  | 'server-fault' // SOAP Fault (Infosoft) / 500 with a JSON error (Windward)
  | 'malformed' // 200 with a truncated/garbled body
  | 'lost-response'; // perform the operation (commit the write), then destroy the socket

export interface ScriptedFault {
  kind: ScriptedFaultKind;
  /** Vendor operation name it applies to (e.g. 'addCustomer', 'GetCustomerInformation'); any when absent. */
  operation?: string;
  /** How many calls it hits before it is used up (default 1). */
  times?: number;
}

export interface FaultSettings {
  /** Added to every vendor call. */
  latencyMs: number;
  /** Probability of a random fault (mix of the kinds above except lost-response). */
  faultRate: number;
  /** Probability that a write is committed and its response then lost. */
  lostResponseRate: number;
  /** Faults served first, in order, before any random ones. */
  script: ScriptedFault[];
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, faultRate: 0, lostResponseRate: 0, script: [] };
