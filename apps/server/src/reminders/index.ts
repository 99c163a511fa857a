export {
  type OverdueReminderContext,
  OverdueReminderJob,
  type OverdueReminderJobOptions,
  type ReminderRun,
  remindOverdueVerifiers,
} from './overdue-reminders.ts';
