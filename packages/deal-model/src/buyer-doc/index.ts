export * from './buyer-doc.ts';
