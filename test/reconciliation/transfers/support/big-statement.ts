export { bigStatement } from '../../../../scripts/chaos/big-statement.mjs';
