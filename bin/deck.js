#!/usr/bin/env node
import { main } from '../lib/bundle/cli.js';

process.exitCode = await main(process.argv);
