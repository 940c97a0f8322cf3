// The filters several query strings take, each one field's documentation and checks in one place
// (the DTOs in read-queries.dto.ts and claims-query.dto.ts declare which they take, in their order).
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import { CLAIM_TYPES, TOPICS } from '../domain/claim.js';
import { ARTICLE_ID } from '../domain/ids.js';
import type { PartyRole } from '../read-models/parties/parties.queries.js';

const SLUG = /^[a-z0-9~][a-z0-9-]{0,99}$/;
const KEY_MESSAGE = { message: 'must be a party or source key: lowercase letters, digits and dashes, or ~ and a slug' };
const BOOLEAN = ['true', 'false'];
const PARTY_ROLES: readonly PartyRole[] = ['actor', 'target', 'source'];

/**
 * Decorators applied as they would be stacked above a property, the last first (applyDecorators
 * takes them first first): class-validator lists a field's messages in that order.
 */
export const stacked = (...decorators: PropertyDecorator[]): PropertyDecorator => applyDecorators(...decorators.reverse());

const described = (description: string | undefined) => (description === undefined ? {} : { description });

/** An optional field, documented by `doc` and checked by `check`. */
const optional = (doc: Parameters<typeof ApiPropertyOptional>[0], check: PropertyDecorator): PropertyDecorator =>
  stacked(ApiPropertyOptional(doc), IsOptional(), check);

/** `type`: one claim type. */
export const ClaimTypeField = (): PropertyDecorator => optional({ enum: CLAIM_TYPES }, IsIn(CLAIM_TYPES));

/** `topic`: one topic. */
export const TopicField = (description?: string): PropertyDecorator => optional({ enum: TOPICS, ...described(description) }, IsIn(TOPICS));

/** `role`: the part a party plays in a claim. */
export const RoleField = (): PropertyDecorator => optional({ enum: PARTY_ROLES }, IsIn(PARTY_ROLES));

/** `includeRetracted`: "true" or "false"; `fallback` is documented as the default where the docs name one. */
export const IncludeRetractedField = (fallback?: 'false'): PropertyDecorator =>
  optional({ enum: BOOLEAN, ...(fallback === undefined ? {} : { default: fallback }) }, IsIn(BOOLEAN));

/** A party or source key (`actor`, `target`, `party`, `source`) or an outlet's slug. */
export const KeyField = (description?: string): PropertyDecorator => optional(described(description), Matches(SLUG, KEY_MESSAGE));

/** `article`: an article id. */
export const ArticleIdField = (description?: string): PropertyDecorator =>
  optional(described(description), Matches(ARTICLE_ID, { message: 'article must be an article id (20 hex digits)' }));

/** A bound of publication time (`publishedFrom`, `publishedTo` and their short forms), ISO 8601. */
export const PublicationTimeField = (description: string): PropertyDecorator => optional({ description }, IsISO8601({ strict: true }));
