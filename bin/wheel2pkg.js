#!/usr/bin/env node
import "../dist/bin/wheel2pkg.js";
