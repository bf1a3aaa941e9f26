/** /api/audit: the auditor searches the append-only log. */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { searchAudit } from './audit.service.js';
import type { Paged } from '../../domain/common/paged.js';
import type { AuditItem } from '../../domain/access/access-api.js';

const prefix = '/api/audit';
export const auditRoutes = createAreaApp();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

auditRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'access.audit.read' }, {
    method: 'get',
    path: '/',
    summary: '監査ログの検索',
    request: {
      query: z.object({
        action: z.string().max(80).optional(),
        actorAccountId: z.coerce.number().int().positive().optional(),
        objectType: z.string().max(40).optional(),
        objectId: z.string().max(40).optional(),
        outcome: z.enum(['allowed', 'denied', 'succeeded', 'failed']).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: { 200: { description: '監査ログ' }, ...errorResponses },
  }),
  async (c) => {
    const ctx = serviceContext(c);
    const q = c.req.valid('query');
    const result = await searchAudit(ctx.database.db, {
      municipalityId: ctx.actor.municipalityId,
      action: q.action,
      actorAccountId: q.actorAccountId,
      objectType: q.objectType,
      objectId: q.objectId,
      outcome: q.outcome,
      from: q.from,
      to: q.to,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return c.json({ total: result.total, page: q.page, pageSize: q.pageSize, items: result.rows } satisfies Paged<AuditItem>, 200);
  },
);
