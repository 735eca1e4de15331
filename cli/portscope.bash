# SPDX-License-Identifier: MIT
# bash completion for portscope: commands, options and their values, files
# where a file is expected, and service names (from the registry in use,
# through `portscope --list-names`) after lookup, tui and pick.

_portscope_commands="tui pick lookup free gaps grep stats diff update suggest listeners name map scan"

# The service names of the registry the command line names (or the
# default one), starting with $1.
_portscope_names()
{
	local -a reg=()
	local i
	for ((i = 1; i < ${#COMP_WORDS[@]} - 1; i++)); do
		case ${COMP_WORDS[i]} in
		--registry) reg=(--registry "${COMP_WORDS[i + 1]}") ;;
		--registry=*) reg=("${COMP_WORDS[i]}") ;;
		esac
	done
	compgen -W "$("${COMP_WORDS[0]}" "${reg[@]}" --list-names 2>/dev/null)" -- "$1"
}

_portscope()
{
	local cur prev cmd i
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()

	case $prev in
	--proto) COMPREPLY=($(compgen -W "tcp udp sctp dccp any" -- "$cur")); return ;;
	--format) COMPREPLY=($(compgen -W "text json csv" -- "$cur")); return ;;
	--field)
		# a comma-separated list: complete the word after the last comma
		local head=${cur%,*} tail=${cur##*,}
		[ "$head" = "$cur" ] && head= || head="$head,"
		COMPREPLY=($(compgen -P "$head" -W "name description assignee contact reference notes all" -- "$tail"))
		return ;;
	--registry | --output | --ca-file)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return ;;
	--ports) COMPREPLY=($(compgen -W "system user dynamic" -- "$cur")); return ;;
	--zoom) COMPREPLY=($(compgen -W "fit 1 2 4 8 16 32 64 128 256" -- "$cur")); return ;;
	--mark) COMPREPLY=($(compgen -W "listeners labels nmap ephemeral" -- "$cur")); return ;;
	--url | --min | --count | --run | --width | --grep | --timeout) return ;;
	esac

	# the command: the first word that is neither an option nor its value
	cmd=
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--registry | --format | --proto | --field | --url | --output | --ca-file | --min | --count | \
			--run | --zoom | --width | --grep | --mark | --ports | --timeout)
			((i++)) ;;
		-*) ;;
		*) cmd=${COMP_WORDS[i]}; break ;;
		esac
	done

	local global="--registry --format --no-cache --help --version --list-names"
	if [[ $cur == -* ]]; then
		local opts=
		case $cmd in
		tui | pick) opts="--proto --field --scan" ;;
		lookup | free) opts="--proto" ;;
		stats) opts="--proto --by-year" ;;
		map) opts="--output --zoom --width --grep --mark --proto --by-year" ;;
		gaps) opts="--proto --min" ;;
		grep) opts="--field --proto --ignore-case --case-sensitive" ;;
		update) opts="--url --output --ca-file" ;;
		suggest) opts="--count --run --proto --any-range --scan --timeout" ;;
		scan) opts="--ports --proto --timeout" ;;
		esac
		COMPREPLY=($(compgen -W "$global $opts" -- "$cur"))
		return
	fi
	case $cmd in
	"") COMPREPLY=($(compgen -W "$_portscope_commands" -- "$cur")) ;;
	lookup | tui | pick) COMPREPLY=($(_portscope_names "$cur")) ;;
	free | gaps) COMPREPLY=($(compgen -W "system user dynamic" -- "$cur")) ;;
	diff)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}
complete -F _portscope portscope
