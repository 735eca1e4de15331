#!/bin/sh
# SPDX-License-Identifier: MIT
echo "1..1"
echo "not ok 1 - the Check unit-test library is missing: install 'check' (./quickstart does)"
exit 1
