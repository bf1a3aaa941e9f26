/**
 * The largest request bodies the recruitment routes accept (ADR 0018). Each route declares its limit with
 * `defineRoute(…, { bodyLimit })`, and the service that reads the file checks the same number, so the two agree.
 */
const MiB = 1024 * 1024;

/** an e-application service's CSV export (電子申請サービスのCSV) */
export const eApplicationCsvMaxBytes = 10 * MiB;
/** a test centre's score file (受付番号, 得点) */
export const scoreCsvMaxBytes = 2 * MiB;
/** a public application: the form's text and up to 3 attachments in base64, each within the attachmentMaxMb setting */
export const publicApplicationMaxBytes = 24 * MiB;
/**
 * The highest the attachmentMaxMb setting may go: three files of this size in base64 (4/3 of their size) and the
 * form's text must still fit in publicApplicationMaxBytes, or an applicant within the setting would be refused.
 */
export const attachmentMaxMbCeiling = 5;
