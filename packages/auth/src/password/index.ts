export { hashPassword, type PasswordHashOptions, verifyPassword } from './hash-password.ts';
