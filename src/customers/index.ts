/**
 * The shop's buyers: the buyer directory (birthdays, phones), payment reminders, birthday greetings, intents carried
 * to the next shift, and the revisit list; each job and router here is wired by src/operations.
 */
export { birthdayGreetingsJob } from './birthday-greetings.js';
export type { BuyerDirectory, BuyerProfile } from './buyer-directory.js';
export { intentsRouter, revisitsRouter } from './customers-router.js';
export { createIntents } from './intents.js';
export type { Intents } from './intents.js';
export { paymentRemindersJob } from './payment-reminders.js';
export { createRevisits, revisitListJob } from './revisit-list.js';
export type { Revisits, RevisitEntry } from './revisit-list.js';
export { birthDateFromIdNumber, isCalendarDate } from './resident-id.js';
export type { Intent } from './intents.js';
