/** One email Parley sends (today: invitations). `link` is the one thing the recipient acts on. */
export type MailMessage = { to: string; subject: string; text: string; link: string };

/**
 * Where Parley's emails go. Pluggable: development logs them (logMailer), tests capture
 * them; a deployment plugs in its SMTP or email API here.
 */
export type Mailer = { send: (message: MailMessage) => Promise<void> };

/** A mailer that writes each message to `log` (development: the link is in the API's log). */
export function logMailer(log: (line: string, message: MailMessage) => void): Mailer {
  return {
    send: async (message) => {
      log(`email to ${message.to}: ${message.subject}`, message);
    },
  };
}
