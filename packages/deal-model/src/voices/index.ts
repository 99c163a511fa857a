export * from './voice-input.ts';
export * from './voices.ts';
