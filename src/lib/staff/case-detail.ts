import { api } from '$lib/api';
import type { BoardRow } from '$lib/shared/board.contract';
import type { CaseUpdate, CaseView, TranscriptEntry } from '$lib/shared/case.contract';
import type { Address, CaseFlag, ChangeQuestion, PhotoRejectionReason, YesNo } from '$lib/shared/landing';

/** The parts of the conversation's context (`answers`) the case view shows; timestamps are ISO strings. */
export interface CaseAnswers {
  person: { givenName: string; familyName: string; dateOfBirth: string; uci: string };
  identity: { answer: YesNo | null; at: string | null };
  presence: { inCanada: YesNo | null; entryDate: string | null; declaredAt: string | null; leftCanadaAt: string | null };
  changes: { answers: Record<ChangeQuestion, YesNo | null>; explanation: string | null };
  residentialAddress: Address | null;
  mailing: { sameAsResidential: boolean | null; address: Address | null };
  photo: { id: string | null; status: string; rejection: { reason: PhotoRejectionReason; note: string | null } | null };
  signature: string | null;
  signedAt: string | null;
  flags: CaseFlag[];
  resolvedFlags: { flag: CaseFlag; note: string; at: string }[];
  /** The latest referral by a support agent (absent on cases saved before referrals). */
  referral?: { agentName: string; note: string; at: string } | null;
  confirmation: { documentNumber: string; prDate: string; confirmedAt: string; downloadUntil: string } | null;
}

export interface PhotoRecord {
  id: string;
  uploadedAt: string;
  width: number;
  height: number;
}

export interface AuditRecord {
  at: string;
  action: string;
  actorName: string | null;
  actorRole: string | null;
  details: Record<string, unknown> | null;
}

/** `GET /api/staff/cases/:id`. */
export interface CaseDetail {
  row: BoardRow;
  view: CaseView;
  answers: CaseAnswers;
  entries: TranscriptEntry[];
  photos: PhotoRecord[];
  audit: AuditRecord[];
}

export type PhotoRejection = { reason: PhotoRejectionReason; note?: string };

const base = (caseId: string) => `/api/staff/cases/${encodeURIComponent(caseId)}`;

/** An officer's case endpoints. Like `api`, never throws. */
export const staffCases = {
  detail: (caseId: string) => api.get<CaseDetail>(base(caseId)),
  approvePhoto: (caseId: string) => api.post<CaseUpdate>(`${base(caseId)}/photo/approve`),
  rejectPhoto: (caseId: string, body: PhotoRejection) => api.post<CaseUpdate>(`${base(caseId)}/photo/reject`, body),
  resolveFlag: (caseId: string, flag: CaseFlag, note: string) => api.post<CaseUpdate>(`${base(caseId)}/flags/resolve`, { flag, note }),
  confirm: (caseId: string) => api.post<CaseUpdate>(`${base(caseId)}/confirm`),
};
