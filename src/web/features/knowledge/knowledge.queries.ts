/** The knowledge base and Q&A board's server state (/api/knowledge) as TanStack Query hooks. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, ApiError, withQuery } from '../../app/api-client.js';
import type { ArticleList, ArticleView, MarkdownPreview, QuestionList, QuestionView } from '../../../domain/knowledge/knowledge-api.js';
import type {
  AcceptAnswer,
  ArticleInput,
  ArticleKind,
  ArticleUpdate,
  ModerationReason,
  QuestionFilter,
  QuestionInput,
  QuestionUpdate,
} from '../../../domain/knowledge/knowledge-model.js';

export type ArticleSearchParams = { q: string; kind: ArticleKind | ''; tool: string; tag: string; page: number };
export type QuestionSearchParams = { q: string; tag: string; filter: QuestionFilter; page: number };

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  articles: (p: ArticleSearchParams) => ['knowledge', 'articles', p] as const,
  article: (id: number) => ['knowledge', 'article', id] as const,
  questions: (p: QuestionSearchParams) => ['knowledge', 'questions', p] as const,
  question: (id: number) => ['knowledge', 'question', id] as const,
};

export function isStaleSave(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'common.conflict';
}

export function useArticles(p: ArticleSearchParams) {
  return useQuery({
    queryKey: knowledgeKeys.articles(p),
    queryFn: ({ signal }) => api.get<ArticleList>(withQuery('/api/knowledge/articles', { ...p, page: p.page > 1 ? p.page : undefined }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useArticle(id: number | null) {
  return useQuery({
    queryKey: knowledgeKeys.article(id ?? 0),
    queryFn: ({ signal }) => api.get<ArticleView>(`/api/knowledge/articles/${id}`, { signal }),
    enabled: id !== null,
  });
}

export function useQuestions(p: QuestionSearchParams) {
  return useQuery({
    queryKey: knowledgeKeys.questions(p),
    queryFn: ({ signal }) =>
      api.get<QuestionList>(withQuery('/api/knowledge/questions', { ...p, filter: p.filter === 'all' ? undefined : p.filter, page: p.page > 1 ? p.page : undefined }), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useQuestion(id: number) {
  return useQuery({ queryKey: knowledgeKeys.question(id), queryFn: ({ signal }) => api.get<QuestionView>(`/api/knowledge/questions/${id}`, { signal }) });
}

/** Every change may move lists and views: the area's queries are all refreshed. */
function useKnowledgeMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all }) });
}

export function useReloadKnowledge(): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: knowledgeKeys.all });
}

export const useCreateArticle = () => useKnowledgeMutation((input: ArticleInput) => api.post<ArticleView>('/api/knowledge/articles', input));
export const useUpdateArticle = () =>
  useKnowledgeMutation(({ id, ...body }: ArticleUpdate & { id: number }) => api.put<ArticleView>(`/api/knowledge/articles/${id}`, body));
export const useDeleteArticle = () =>
  useKnowledgeMutation(({ id, version }: { id: number; version: number }) => api.delete<void>(withQuery(`/api/knowledge/articles/${id}`, { version })));

export const useAskQuestion = () => useKnowledgeMutation((input: QuestionInput) => api.post<QuestionView>('/api/knowledge/questions', input));
export const useEditQuestion = () =>
  useKnowledgeMutation(({ id, ...body }: QuestionUpdate & { id: number }) => api.put<QuestionView>(`/api/knowledge/questions/${id}`, body));
export const useAnswerQuestion = () =>
  useKnowledgeMutation(({ questionId, bodyMarkdown }: { questionId: number; bodyMarkdown: string }) =>
    api.post<QuestionView>(`/api/knowledge/questions/${questionId}/answers`, { bodyMarkdown }),
  );
export const useAcceptAnswer = () =>
  useKnowledgeMutation(({ questionId, ...body }: AcceptAnswer & { questionId: number }) => api.post<QuestionView>(`/api/knowledge/questions/${questionId}/accept`, body));
export const useRemoveQuestion = () =>
  useKnowledgeMutation(({ id, reason }: { id: number; reason: ModerationReason }) => apiRequest<void>('DELETE', `/api/knowledge/questions/${id}`, { reason }));
export const useRemoveAnswer = () =>
  useKnowledgeMutation(({ id, reason }: { id: number; reason: ModerationReason }) => apiRequest<void>('DELETE', `/api/knowledge/answers/${id}`, { reason }));

/** The server's rendering of a draft, for the editor's preview (the same function the saved text goes through). */
export const usePreview = () => useMutation({ mutationFn: (markdown: string) => api.post<MarkdownPreview>('/api/knowledge/preview', { markdown }) });
