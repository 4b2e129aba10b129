// The holiday table behind the working-day calendar: read by any signed-in user, kept by admins.
import type { FromSchema } from 'json-schema-to-ts';
import { CALENDAR_ENTRY_KINDS } from '../../processes/calendar/calendar-entry';
import { arrayOf, plainString } from './answer-pieces';
import { displayName, okResponse, strictObject, type RouteSpec } from './common';

// The shape only, not the calendar check: a row stored before dates were checked (2027-02-31) must stay removable.
const dateParam = strictObject({ date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } }, ['date']);

// Stored rows are answered as kept, so the date has the shape only here too.
const holidayAnswer = strictObject(
  {
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    kind: { enum: [...CALENDAR_ENTRY_KINDS] },
    name: plainString,
  },
  ['date', 'kind', 'name'],
);
const holidayListAnswer = strictObject({ items: arrayOf(holidayAnswer) }, ['items']);

export const holidayRoutes = {
  list: {
    operationId: 'listHolidays',
    method: 'get',
    path: '/api/holidays',
    summary: 'Days off and swapped working days of a year',
    tag: 'calendar',
    access: 'signed-in',
    query: strictObject({ year: { type: 'integer', minimum: 2000, maximum: 2100 } }, ['year']),
    responses: { 200: okResponse('Entries of the year, by date', holidayListAnswer) },
  },
  create: {
    operationId: 'createHoliday',
    method: 'post',
    path: '/api/holidays',
    summary: 'Add a day off or a swapped working day',
    tag: 'calendar',
    access: ['admin'],
    body: strictObject(
      {
        date: { type: 'string', format: 'local-date' },
        kind: { enum: [...CALENDAR_ENTRY_KINDS] },
        name: displayName(200),
      },
      ['date', 'kind', 'name'],
    ),
    responses: { 201: okResponse('The new entry', holidayAnswer), 409: okResponse('The date has an entry') },
  },
  remove: {
    operationId: 'deleteHoliday',
    method: 'delete',
    path: '/api/holidays/:date',
    summary: 'Remove the entry of a date',
    tag: 'calendar',
    access: ['admin'],
    params: dateParam,
    responses: { 204: okResponse('Removed'), 404: okResponse('No entry on that date') },
  },
} satisfies Record<string, RouteSpec>;

export type HolidayBody = FromSchema<typeof holidayRoutes.create.body>;
export type HolidayListQuery = FromSchema<typeof holidayRoutes.list.query>;
export type HolidayAnswer = FromSchema<typeof holidayAnswer>;
export type HolidayListAnswer = FromSchema<typeof holidayListAnswer>;
