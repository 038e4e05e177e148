/** Moved to src/components for every journey (the identity verification uses it too). */
export { ActionError } from '../../../components/ActionError';
