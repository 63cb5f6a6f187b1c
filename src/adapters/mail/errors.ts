import { message, type Issue, type Locale } from '../../core/issues/issue.js';

/** A mailbox or mail server problem the clerk can act on: a coded issue, said in their language. */
export class MailError extends Error {
  override readonly name = 'MailError';
  constructor(readonly issue: Issue) {
    super(message(issue, 'zh'));
  }
  text(locale: Locale): string {
    return message(this.issue, locale);
  }
}
