/**
 * The knowledge area's API contract (/api/knowledge): articles of the knowledge base and the Q&A board. Types
 * only. Markdown bodies come back twice: as the Markdown the author wrote (for editing) and as `bodyHtml`, the
 * server's safe rendering (ADR 0016) — the only HTML the client inserts.
 */
import type { Paged } from '../common/paged.js';
import type { ArticleKind, ArticleStatus } from './knowledge-model.js';

export type PersonRef = { staffId: number; name: string };

/** A row of the knowledge base's search results. */
export type ArticleSummary = {
  id: number;
  kind: ArticleKind;
  title: string;
  tool: string;
  tags: string[];
  status: ArticleStatus;
  excerpt: string;
  updatedAt: string;
};

/** GET /api/knowledge/articles */
export type ArticleList = Paged<ArticleSummary> & {
  /** the actor may write articles today (HR, system administrator, DX推進リーダー, DX本部・WG member) */
  canWrite: boolean;
  /** the tools and tags used by the articles the actor can see, for the filters */
  tools: string[];
  tags: string[];
};

/** GET /api/knowledge/articles/{id} */
export type ArticleView = ArticleSummary & {
  version: number;
  bodyMarkdown: string;
  bodyHtml: string;
  author: PersonRef | null;
  createdAt: string;
  canEdit: boolean;
  canDelete: boolean;
};

/** A row of the Q&A board. */
export type QuestionSummary = {
  id: number;
  title: string;
  tags: string[];
  excerpt: string;
  author: PersonRef;
  answerCount: number;
  isResolved: boolean;
  createdAt: string;
  updatedAt: string;
};

/** GET /api/knowledge/questions */
export type QuestionList = Paged<QuestionSummary> & { tags: string[] };

export type AnswerView = {
  id: number;
  bodyHtml: string;
  author: PersonRef;
  createdAt: string;
  isAccepted: boolean;
};

/** GET /api/knowledge/questions/{id} */
export type QuestionView = QuestionSummary & {
  version: number;
  bodyMarkdown: string;
  bodyHtml: string;
  acceptedAnswerId: number | null;
  answers: AnswerView[];
  /** the actor asked it: may edit it and accept an answer */
  isMine: boolean;
  /** HR or a system administrator: may delete abusive questions and answers */
  canModerate: boolean;
};

/** POST /api/knowledge/preview */
export type MarkdownPreview = { html: string };
