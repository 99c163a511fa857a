import { ApiError } from '../api/errors.ts';

/** Per-field messages, keyed by the field's name in the API request. */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/**
 * The state of one form: its values, the message under each field, the message for the form
 * as a whole, and whether it is being sent. Errors come from a local check and from the API's
 * field-named 400s; any other API error becomes the form's message.
 */
export class FormState<F extends string> {
  values: Record<F, string> = $state() as Record<F, string>;
  errors: FieldErrors<F> = $state({});
  formError: string | null = $state(null);
  pending = $state(false);
  /** True when there is something to show the user. */
  readonly hasErrors = $derived(this.formError !== null || Object.values(this.errors).some(Boolean));

  readonly #fields: readonly F[];
  readonly #validate: (values: Record<F, string>) => FieldErrors<F>;

  /**
   * @param initial - every field with its starting value
   * @param validate - the local check, run before sending; returns the message for each bad field
   */
  constructor(
    initial: Record<F, string>,
    { validate = () => ({}) }: { validate?: (values: Record<F, string>) => FieldErrors<F> } = {},
  ) {
    this.values = { ...initial };
    this.#fields = Object.keys(initial) as F[];
    this.#validate = validate;
  }

  /** Clears the message of one field (call on input, so a corrected field stops shouting). */
  touch(field: F): void {
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  /** The first field with a message, in the form's order (to move focus there). */
  get firstInvalid(): F | undefined {
    return this.#fields.find((field) => this.errors[field]);
  }

  /**
   * Validates, then runs `action` with the trimmed values. Resolves to the action's result, or to
   * undefined when the form was invalid or the action failed (the messages are then set).
   */
  async submit<T>(action: (values: Record<F, string>) => Promise<T>): Promise<T | undefined> {
    if (this.pending) return undefined;
    this.formError = null;
    const trimmed = Object.fromEntries(
      this.#fields.map((field) => [field, field === 'password' ? this.values[field] : this.values[field].trim()]),
    ) as Record<F, string>;
    const local = this.#validate(trimmed);
    this.errors = local;
    if (Object.values(local).some(Boolean)) return undefined;
    this.pending = true;
    try {
      return await action(trimmed);
    } catch (error) {
      this.#show(error);
      return undefined;
    } finally {
      this.pending = false;
    }
  }

  #show(error: unknown): void {
    if (error instanceof ApiError) {
      const field = error.field as F | undefined;
      if (field && this.#fields.includes(field)) {
        this.errors = { ...this.errors, [field]: error.message };
        return;
      }
      this.formError = error.message;
      return;
    }
    this.formError = 'Something went wrong. Please try again.';
    console.error(error);
  }
}
