import { Hono } from 'hono';
import { z } from 'zod';
import { registerApplicationBody } from '../../src/lib/shared/application.schemas';
import { loginBody } from '../../src/lib/shared/auth.schemas';
import type { AppEnv } from '../http/app-env';

const error = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    fields: { type: 'object', additionalProperties: { type: 'string' } },
  },
};
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
const jsonBody = (ref: string) => ({
  required: true,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } },
});

/** The OpenAPI 3.1 document for integrators (the department's case system). Schemas come from the zod source of truth. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Landing Portal API',
      version: '1.0.0',
      description:
        'Register approved permanent-residence applications so that each person on them is invited to finish landing online. Requests authenticate with a signed-in officer session (cookie `lp_session`). Errors are `{ code, message, fields? }`; `fields` names each invalid field by its path, e.g. `people.1.uci`.',
    },
    paths: {
      '/api/applications': {
        post: {
          summary: 'Register an approved application and invite every person on it',
          requestBody: jsonBody('RegisterApplication'),
          responses: {
            '201': {
              description: 'Registered; one invitation email per person is queued.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Application' } } },
            },
            '401': errorResponse('Not signed in'),
            '403': errorResponse('Not an officer, or a cross-site request'),
            '409': errorResponse('The application number or a UCI is already registered (`fields` names it)'),
            '422': errorResponse('Invalid body (`fields` names each invalid field)'),
          },
        },
        get: {
          summary: 'List applications, newest first',
          parameters: [
            { name: 'search', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Application number, name or UCI' },
          ],
          responses: {
            '200': {
              description: 'Applications',
              content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Application' } } } },
            },
          },
        },
      },
      '/api/applications/{id}': {
        get: {
          summary: 'One application with its people and invitation states',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '200': { description: 'The application' }, '404': errorResponse('Unknown id') },
        },
      },
      '/api/people/{id}/invitation/resend': {
        post: {
          summary: 'Send a new invitation; earlier links stop working',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '204': { description: 'Queued' }, '409': errorResponse('Already accepted') },
        },
      },
      '/api/people/{id}/invitation/revoke': {
        post: {
          summary: 'Revoke the open invitation',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: { '204': { description: 'Revoked' }, '409': errorResponse('Nothing to revoke') },
        },
      },
      '/api/auth/login': {
        post: {
          summary: 'Sign in',
          requestBody: jsonBody('Login'),
          responses: {
            '200': { description: 'Signed in; `stage` says what must happen next' },
            '401': errorResponse('Wrong username or password (one generic answer)'),
            '429': errorResponse('Too many attempts; see Retry-After'),
          },
        },
      },
      '/api/health': {
        get: {
          summary: 'Liveness and database',
          responses: { '200': { description: '{"status":"ok","db":"ok"}' }, '503': { description: '{"status":"degraded","db":"down"}' } },
        },
      },
    },
    components: {
      schemas: {
        Error: error,
        RegisterApplication: z.toJSONSchema(registerApplicationBody, { io: 'input', unrepresentable: 'any' }),
        Login: z.toJSONSchema(loginBody, { io: 'input', unrepresentable: 'any' }),
        Application: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            applicationNumber: { type: 'string' },
            registeredAt: { type: 'string', format: 'date-time' },
            people: { type: 'array', items: { type: 'object' } },
          },
        },
      },
    },
  };
}

export function openApiRoutes() {
  const document = openApiDocument();
  return new Hono<AppEnv>().get('/', (c) => c.json(document));
}
